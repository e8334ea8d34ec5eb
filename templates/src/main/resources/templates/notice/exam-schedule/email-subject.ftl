【${schoolName}】${examName}安排（${examPeriod}）
