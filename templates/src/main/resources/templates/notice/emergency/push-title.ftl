【紧急】${title}
