package org.ilium.access;

import java.time.Duration;
import org.ilium.shared.web.ProblemHandler;
import org.ilium.shared.web.ProblemWriter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import java.util.Map;

/**
 * Every API call needs a user. Scripts use HTTP Basic (stateless, so no session and no CSRF token);
 * the browser app will add its own sign-in. Health, metrics and the API description are public: they
 * carry no patient data.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {
    static final int BCRYPT_STRENGTH = 12;

    @Bean
    @ConditionalOnWebApplication
    SecurityFilterChain apiSecurity(HttpSecurity http, ProblemWriter problems) throws Exception {
        http.authorizeHttpRequests(a -> a
                        // a patient's questionnaire: the unguessable single-use token in the URL is the credential
                        .requestMatchers("/q/*").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus",
                                "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(b -> b.realmName("Ilium").authenticationEntryPoint((req, res, e) -> {
                    res.setHeader("WWW-Authenticate", "Basic realm=\"Ilium\", charset=\"UTF-8\"");
                    problems.write(req, res, ProblemHandler.problem(HttpStatus.UNAUTHORIZED, "unauthenticated",
                            "Authentication required", "Sign in: send a user name and password with HTTP Basic."));
                }))
                .exceptionHandling(e -> e.accessDeniedHandler((req, res, ex) -> problems.write(req, res,
                        ProblemHandler.problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "Your role does not allow this."))))
                // patient links carry their token in the URL: never pass URLs on to other sites
                .headers(h -> h.referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)))
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterAfter(new ActorFilter(), AuthorizationFilter.class);
        return http.build();
    }

    @Bean
    UserDetailsService userDetailsService(UserRepository users) {
        return username -> users.findByUsername(username)
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        PasswordEncoder bcrypt = new BCryptPasswordEncoder(BCRYPT_STRENGTH);
        return new CachingPasswordEncoder(new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", bcrypt)), Duration.ofMinutes(5));
    }
}
