package io.cruddur.messaging.app.cli;

import io.cruddur.messaging.adapters.postgres.UserDatabase;
import io.cruddur.messaging.app.DemoData;
import io.cruddur.messaging.app.auth.CognitoSettings;
import io.cruddur.messaging.app.wiring.UserTools;
import io.cruddur.messaging.core.domain.CognitoUserId;
import io.cruddur.messaging.core.domain.Handle;
import io.cruddur.messaging.core.port.CognitoAssignment;
import io.cruddur.messaging.core.port.UserAdministrationPort;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "db", mixinStandardHelpOptions = true, description = "The user database (CONNECTION_URL).",
        subcommands = {DbCommand.Setup.class, DbCommand.UpdateCognitoUserIds.class})
final class DbCommand extends CommandGroup {
    @ParentCommand
    CruddurCommand root;

    @Command(name = "setup", mixinStandardHelpOptions = true,
            description = "Brings the schema up to date and adds the demo users that are missing.")
    static final class Setup implements Callable<Integer> {
        @ParentCommand
        DbCommand db;

        @Override
        public Integer call() {
            try (UserTools tools = UserTools.create(OperatorEnvironment.userDatabase(db.root.environment()))) {
                int migrations = UserDatabase.migrate(tools.pool());
                UserAdministrationPort administration = tools.administration();
                int users = DemoData.seedUsers(DemoData.DEMO_USERS, administration.listUsers(), administration::register);
                db.spec.commandLine().getOut().println("migrations applied: " + migrations + ", demo users added: " + users);
            }
            return 0;
        }
    }

    @Command(name = "update-cognito-user-ids", mixinStandardHelpOptions = true,
            description = "Gives each user the Cognito id (sub) of the pool user with the same preferred_username.")
    static final class UpdateCognitoUserIds implements Callable<Integer> {
        @ParentCommand
        DbCommand db;

        @Override
        public Integer call() {
            Map<String, String> environment = db.root.environment();
            Map<Handle, CognitoUserId> assignments = new LinkedHashMap<>();
            try (var cognito = OperatorEnvironment.cognito(environment, CognitoSettings.fromEnvironment(environment))) {
                CognitoCommand.users(cognito, CognitoSettings.fromEnvironment(environment).userPoolId())
                        .filter(user -> user.preferredUsername() != null && user.sub() != null)
                        .forEach(user -> assignments.put(Handle.parse(user.preferredUsername()),
                                new CognitoUserId(user.sub())));
            }
            try (UserTools tools = UserTools.create(OperatorEnvironment.userDatabase(environment))) {
                CognitoAssignment result = tools.administration().assignCognitoUserIds(assignments);
                db.spec.commandLine().getOut().println("updated " + result.updated() + " users; unknown handles: "
                        + result.unknownHandles());
            }
            return 0;
        }
    }
}
