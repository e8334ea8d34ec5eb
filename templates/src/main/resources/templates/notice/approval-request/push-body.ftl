${drafterName}提交的《${title}》（发送对象：${audienceSummary}，共${recipientCount}人）待您审批，请及时<#if links?has_content>处理：${links[0].url} <#else>登录平台处理。</#if><#if replyRequired>请${replyInstruction}。</#if>
