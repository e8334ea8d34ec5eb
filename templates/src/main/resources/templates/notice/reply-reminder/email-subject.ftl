【${schoolName}】请回复：${originalTitle}
