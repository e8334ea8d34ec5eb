${salutation}：

您好！${drafterName}提交的《${title}》（发送对象：${audienceSummary}，共${recipientCount}人）待您审批，请及时<#if links?has_content>处理：${links[0].url} <#else>登录平台处理。</#if><#if body?has_content>通知内容如下：</#if>
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
