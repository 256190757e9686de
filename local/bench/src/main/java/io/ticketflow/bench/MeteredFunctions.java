package io.ticketflow.bench;

import io.ticketflow.local.LocalOptions;
import io.ticketflow.local.LocalRuntime;
import io.ticketflow.local.Topology;
import io.ticketflow.kernel.aws.AwsClients;
import io.ticketflow.kernel.aws.AwsSettings;
import io.ticketflow.kernel.function.KernelBeans;
import io.ticketflow.local.LocalFunctions;
import java.util.List;
import java.util.function.Function;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.cloud.function.context.FunctionRegistration;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;

/**
 * The start class ({@code MAIN_CLASS}) of the booking figures: every service, exactly as {@link LocalFunctions}
 * runs them, with each function bean wrapped by {@link FunctionMeter} (invocations and handler time by function)
 * and AWS clients that report to the bench's {@link EmulatorTimer}. Requests by operation are counted for every
 * client in the JVM by {@link AwsRequestMeter}, a global SDK interceptor.
 */
public final class MeteredFunctions implements ApplicationContextInitializer<GenericApplicationContext> {

    /** A local runtime of every service of the catalogue with this class as the functions' start class. */
    static LocalRuntime wholeCatalogue(LocalOptions options) {
        // the runtime creates its FunctionInvokers (which read MAIN_CLASS) while it starts, and only then
        String startClass = System.getProperty("MAIN_CLASS");
        System.setProperty("MAIN_CLASS", MeteredFunctions.class.getName());
        try {
            return LocalRuntime.start(options, Topology.catalogue());
        } finally {
            if (startClass == null) {
                System.clearProperty("MAIN_CLASS");
            } else {
                System.setProperty("MAIN_CLASS", startClass);
            }
        }
    }

    @Override
    public void initialize(GenericApplicationContext ctx) {
        ctx.registerBean(KernelBeans.AWS_CLIENTS, AwsClients.class,
                () -> new AwsClients(ctx.getBean(AwsSettings.class), List.of(InstrumentedFunctions.EMULATOR_TIMER)));
        new LocalFunctions().initialize(ctx);
        ctx.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
            @Override
            @SuppressWarnings({"unchecked", "rawtypes"})
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof FunctionRegistration registration && registration.getTarget() instanceof Function target) {
                    // the declared in/out types stay on the registration, so SCF converts exactly as before
                    registration.target(FunctionMeter.INSTANCE.metered(beanName, target));
                }
                return bean;
            }
        });
    }
}
