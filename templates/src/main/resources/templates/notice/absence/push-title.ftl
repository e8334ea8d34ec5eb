缺勤提醒：${childNames}
