${examName}安排
