【${signature}】【请假回执】${body}
