请假申请${leaveStatusText}
