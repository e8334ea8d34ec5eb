${salutation}：

您好！现有紧急情况通知如下，请您务必及时查看：
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
