package io.ticketflow.local.stepfunctions;

import java.time.Instant;

/** What DescribeStateMachine returns; the emulator runs STANDARD workflows only. */
public record StateMachineDescription(String stateMachineArn, String name, String definition, String roleArn,
                                      Instant creationDate) {
}
