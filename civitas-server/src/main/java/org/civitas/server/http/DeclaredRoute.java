package org.civitas.server.http;

import io.javalin.Javalin;
import io.javalin.router.Endpoint;
import io.javalin.security.Roles;
import io.javalin.security.RouteRole;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** A route of the running application: its method, its path and the access it declares. */
public record DeclaredRoute(String method, String path, Set<Access> access) {

    public DeclaredRoute {
        access = Set.copyOf(access);
    }

    /** Every HTTP route of {@code app} (not the filters that run around them), by path and method. */
    public static List<DeclaredRoute> of(Javalin app) {
        return app.unsafe.internalRouter.allHttpHandlers().stream()
                .map(parsed -> parsed.endpoint)
                .filter(endpoint -> endpoint.method.isHttpMethod())
                .map(DeclaredRoute::of)
                .sorted(Comparator.comparing(DeclaredRoute::path).thenComparing(DeclaredRoute::method))
                .toList();
    }

    private static DeclaredRoute of(Endpoint endpoint) {
        Set<Access> access = EnumSet.noneOf(Access.class);
        Roles roles = endpoint.metadata(Roles.class);
        if (roles != null) {
            for (RouteRole role : roles.getRoles()) {
                if (role instanceof Access declared) {
                    access.add(declared);
                }
            }
        }
        return new DeclaredRoute(endpoint.method.name(), endpoint.path, access);
    }
}
