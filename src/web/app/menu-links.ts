import { createContext, type ReactNode, useContext } from 'react';

/** A menu entry as a page lists it (the home page's 常用功能): where it goes, its label and icon. */
export interface MenuLink {
  path: string;
  label: string;
  icon: ReactNode;
}

/**
 * The menu entries the account may open, provided by the app shell. Pages read them from here
 * rather than from pages.tsx, which lazy-loads every page (importing it back would be a cycle).
 */
export const MenuLinksContext = createContext<readonly MenuLink[]>([]);

/** The menu entries of the logged-in account, in menu order. */
export function useMenuLinks(): readonly MenuLink[] {
  return useContext(MenuLinksContext);
}
