package io.cruddur.messaging.app.cli;

import io.cruddur.messaging.app.auth.CognitoSettings;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;

@Command(name = "cognito", mixinStandardHelpOptions = true, description = "The Cognito user pool (AWS_COGNITO_USER_POOL_ID).",
        subcommands = {CognitoCommand.ListUsers.class})
final class CognitoCommand extends CommandGroup {
    @ParentCommand
    CruddurCommand root;

    /** A pool user as the commands need it. */
    record PoolUser(String username, String preferredUsername, String sub, String email) {
        static PoolUser of(UserType user) {
            Map<String, String> attributes = user.attributes().stream()
                    .collect(Collectors.toMap(AttributeType::name, AttributeType::value, (a, b) -> a));
            return new PoolUser(user.username(), attributes.get("preferred_username"), attributes.get("sub"),
                    attributes.get("email"));
        }
    }

    /** Every user of the pool, page after page ({@code ListUsers} returns up to 60 a page). */
    static Stream<PoolUser> users(CognitoIdentityProviderClient cognito, String userPoolId) {
        return cognito.listUsersPaginator(request -> request.userPoolId(userPoolId)).users().stream().map(PoolUser::of);
    }

    @Command(name = "list-users", mixinStandardHelpOptions = true, description = "Lists the pool's users.")
    static final class ListUsers implements Callable<Integer> {
        @ParentCommand
        CognitoCommand cognito;

        @Override
        public Integer call() {
            Map<String, String> environment = cognito.root.environment();
            CognitoSettings pool = CognitoSettings.fromEnvironment(environment);
            var out = cognito.spec.commandLine().getOut();
            try (var client = OperatorEnvironment.cognito(environment, pool)) {
                users(client, pool.userPoolId()).forEach(user -> out.printf("%-36s %-20s %-36s %s%n",
                        user.username(), user.preferredUsername(), user.sub(), user.email()));
            }
            return 0;
        }
    }
}
