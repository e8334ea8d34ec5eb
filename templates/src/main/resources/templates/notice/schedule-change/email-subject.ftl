【${schoolName}】${eventDate}${title}
