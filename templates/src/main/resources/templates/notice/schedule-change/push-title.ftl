${title}（${eventDate}）
