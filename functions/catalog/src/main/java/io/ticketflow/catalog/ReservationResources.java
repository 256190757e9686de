package io.ticketflow.catalog;

import java.util.List;

/** Reservation service: so far its admission view of the waiting queue. */
final class ReservationResources {

    static final String ADMISSION_QUEUE = "reservation-admission-events";

    private ReservationResources() {
    }

    static ServiceResources declare() {
        return new ServiceResources(
                Service.RESERVATION,
                List.of(Catalogue.admissionTable("reservation-admissions", Service.RESERVATION),
                        Catalogue.inboxTable("reservation-inbox", Service.RESERVATION)),
                List.of(new QueueSpec(ADMISSION_QUEUE, Service.RESERVATION, 30, 3)),
                List.of(FunctionSpec.of("reservationAdmissionConsumer", Service.RESERVATION, FunctionKind.SQS)),
                List.of(),
                List.of(),
                List.of(new QueueSubscription(ADMISSION_QUEUE, "reservationAdmissionConsumer", 10, 0)),
                List.of(new EventRoute(QueueResources.EVENTS_TABLE, "QUEUE_ACTIVATED", ADMISSION_QUEUE),
                        new EventRoute(QueueResources.EVENTS_TABLE, "QUEUE_EXPIRED", ADMISSION_QUEUE)),
                List.of());
    }
}
