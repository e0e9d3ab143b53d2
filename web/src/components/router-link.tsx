import { Anchor, type AnchorProps, Button, type ButtonProps, NavLink, type NavLinkProps } from '@mantine/core';
import { createLink, type LinkComponent } from '@tanstack/react-router';
import type { AnchorHTMLAttributes, Ref } from 'react';

/** Mantine components that navigate with the router (typed `to`, preloading, active state). */

type AnchorElementProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'color' | 'style'> & {
  ref?: Ref<HTMLAnchorElement>;
};

function MantineAnchor(props: AnchorProps & AnchorElementProps) {
  return <Anchor {...props} />;
}

function MantineButtonLink(props: ButtonProps & AnchorElementProps) {
  return <Button component="a" {...props} />;
}

function MantineNavLink(props: Omit<NavLinkProps, 'active'> & AnchorElementProps & { 'data-status'?: string }) {
  // The router marks the current route's links with data-status="active".
  return <NavLink component="a" active={props['data-status'] === 'active'} {...props} />;
}

const CreatedAnchor = createLink(MantineAnchor);
const CreatedButton = createLink(MantineButtonLink);
const CreatedNavLink = createLink(MantineNavLink);

export const RouterAnchor: LinkComponent<typeof MantineAnchor> = (props) => (
  <CreatedAnchor preload="intent" {...props} />
);
export const RouterButton: LinkComponent<typeof MantineButtonLink> = (props) => (
  <CreatedButton preload="intent" {...props} />
);
export const RouterNavLink: LinkComponent<typeof MantineNavLink> = (props) => (
  <CreatedNavLink preload="intent" {...props} />
);
