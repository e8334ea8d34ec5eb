package cn.jiaxiao.app.web;

import cn.jiaxiao.app.config.JiaxiaoProperties;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The request-level protections (README "Security"), each a servlet filter of its own around Spring
 * Security's chain: body size first, failed logins before authentication, API rate after it.
 */
@Configuration(proxyBeanMethods = false)
class WebFiltersConfiguration {

    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(JiaxiaoProperties properties) {
        var registration = new FilterRegistrationBean<>(
                new BodySizeLimitFilter(properties.getHttp().getMaxBodySize().toBytes()));
        registration.setName("bodySizeLimit");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    @Bean
    FilterRegistrationBean<LoginRateLimitFilter> loginRateLimitFilter(JiaxiaoProperties properties) {
        var registration = new FilterRegistrationBean<>(new LoginRateLimitFilter(properties.getRateLimit()));
        registration.setName("loginRateLimit");
        registration.setEnabled(properties.getRateLimit().isEnabled());
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 10);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ApiRateLimitFilter> apiRateLimitFilter(JiaxiaoProperties properties) {
        var registration = new FilterRegistrationBean<>(new ApiRateLimitFilter(properties.getRateLimit()));
        registration.setName("apiRateLimit");
        registration.setEnabled(properties.getRateLimit().isEnabled());
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 10);
        return registration;
    }
}
