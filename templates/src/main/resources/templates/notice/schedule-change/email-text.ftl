${salutation}：

您好！现将${eventDate}${title}的安排通知如下，请您提前做好安排：
<#if body?has_content>

${body}
</#if>
<#if replyRequired>

请${replyInstruction}。
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
