【${signature}】${salutation}您好：${eventDate}${title}：${body}请您提前做好安排。<#if replyRequired>请${replyInstruction}。</#if>
