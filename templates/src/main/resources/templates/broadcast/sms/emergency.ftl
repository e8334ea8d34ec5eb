【${signature}】【紧急通知】${body}
