【${schoolName}】${childNames}缺勤提醒
