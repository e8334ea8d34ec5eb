【${schoolName}】${title}
