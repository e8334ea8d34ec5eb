【${signature}】【缺勤提醒】${body}
