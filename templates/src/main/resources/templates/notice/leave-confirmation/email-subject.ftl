【${schoolName}】${childNames}请假申请${leaveStatusText}
