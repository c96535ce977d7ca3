/** The resource provider types and helpers live in core (services implement them); kept here for old imports. */
export * from '../../../core/resource-provider';
