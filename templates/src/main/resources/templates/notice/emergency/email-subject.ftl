【紧急通知】${schoolName}：${title}
