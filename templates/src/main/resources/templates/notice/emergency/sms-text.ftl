【${signature}】【紧急通知】${salutation}您好：${body}<#if replyRequired>请${replyInstruction}。</#if>
