/**
 * One service's part of the console, declared in its own folder (`views/<svc>/console.ts`) so that a
 * new service's pages need no edit to shared files: its entry in the services menu, its left
 * navigation and its routes.
 */
import { defineAsyncComponent, type Component } from 'vue';

export interface ConsoleService {
  id: string;
  /** Short name: EC2, S3, VPC. */
  name: string;
  /** What it is, in AWS's words. */
  title: string;
  /** The console page, or undefined for CLI-only services. */
  page?: string;
  keywords: string[];
}

export interface NavGroup {
  group: string;
  links: [label: string, to: string][];
}

export interface ConsoleArea {
  service: ConsoleService;
  /** Place in the services menu and on the home page (lower first). */
  order: number;
  /** The left navigation shown on every page under `/<first path segment of service.page>`. */
  nav?: { title: string; groups: NavGroup[]; area?: string };
  /** Hash routes of this service's pages (see useHashRoute for patterns). */
  routes: Record<string, Component>;
}

export const defineConsoleArea = (area: ConsoleArea): ConsoleArea => area;

/** A page loaded when first visited (its own chunk). */
export const lazy = (load: () => Promise<{ default: object }>): Component => defineAsyncComponent(load);
