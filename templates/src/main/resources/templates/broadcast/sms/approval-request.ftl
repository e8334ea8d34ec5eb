【${signature}】【待审批】${body}
