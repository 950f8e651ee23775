package io.warnews.command.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * The service's users, from configuration: a name, a hashed password (with its encoding prefix,
 * such as {@code {bcrypt}$2a$10$...}) and roles such as {@code EDITOR}.
 */
@ConfigurationProperties("warnews.security")
record UsersProperties(List<User> users) {

    UsersProperties {
        users = users == null ? List.of() : List.copyOf(users);
    }

    record User(String username, String password, List<String> roles) {
    }
}
