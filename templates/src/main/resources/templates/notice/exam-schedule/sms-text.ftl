【${signature}】${salutation}您好：${childrenWithClasses}的${examName}定于${examPeriod}进行。${body}请督促孩子合理作息、认真复习。<#if replyRequired>请${replyInstruction}。</#if>
