【${signature}】【活动与作息调整】${body}
