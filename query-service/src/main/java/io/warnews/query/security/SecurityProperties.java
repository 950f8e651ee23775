package io.warnews.query.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may read. Passwords are stored hashed with their encoding prefix, e.g.
 * {@code {bcrypt}$2a$10$...}.
 */
@ConfigurationProperties("warnews.security")
record SecurityProperties(@DefaultValue("true") boolean publicReads, List<User> users) {

    SecurityProperties {
        users = users == null ? List.of() : List.copyOf(users);
    }

    record User(String username, String password, List<String> roles) {
        User {
            roles = roles == null ? List.of() : List.copyOf(roles);
        }
    }
}
