【${signature}】${body}
