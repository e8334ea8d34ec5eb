package cn.jiaxiao.app.config;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** True when {@code jiaxiao.smpp.connections} names no SMSC: the gateway then runs its own simulator. */
class NoSmscConfigured implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return Binder.get(context.getEnvironment())
                .bind("jiaxiao.smpp.connections", Bindable.listOf(Map.class))
                .map(List::isEmpty)
                .orElse(true);
    }
}
