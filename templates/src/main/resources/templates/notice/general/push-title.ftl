${title}
