${salutation}：

您好！学校${originalSendTime}发送的《${originalTitle}》尚未收到您的回复，<#if replyRequired>请${replyInstruction}。<#else>请及时查看。</#if>谢谢配合！
<#if body?has_content>

${body}
</#if>
<#if links?has_content>

<#list links as link>
${link.label}：${link.url}
</#list>
</#if>

${schoolName}<#if senderName?has_content> ${senderName}</#if>
<#if sendTime?has_content>
${sendTime}
</#if>
