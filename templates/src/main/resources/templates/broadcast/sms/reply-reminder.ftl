【${signature}】【回复提醒】${body}
