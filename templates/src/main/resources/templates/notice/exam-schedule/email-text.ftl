${salutation}：

您好！${childrenWithClasses}的${examName}定于${examPeriod}进行，具体安排如下：
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
