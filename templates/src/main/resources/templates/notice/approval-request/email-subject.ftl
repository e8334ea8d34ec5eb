【待审批】${title}（${drafterName}提交）
