package io.ticketflow.catalog;

public enum HttpMethod { GET, POST, PUT, DELETE, PATCH }
