【${signature}】【考试安排】${body}
