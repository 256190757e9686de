package io.ticketflow.catalog;

/** DynamoDB key attribute types. */
public enum AttributeType { S, N }
