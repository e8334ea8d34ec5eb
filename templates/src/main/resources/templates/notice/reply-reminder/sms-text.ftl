【${signature}】${salutation}您好：学校${originalSendTime}发送的《${originalTitle}》尚未收到您的回复，<#if replyRequired>请${replyInstruction}。<#else>请及时查看。</#if>谢谢配合！
