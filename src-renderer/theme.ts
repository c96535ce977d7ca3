/** Naive UI themed like AWS's console: orange primary actions, AWS's blue for links and info, its greys. */
import type { GlobalThemeOverrides } from 'naive-ui';

export const themeOverrides: GlobalThemeOverrides = {
  common: {
    primaryColor: '#ec7211',
    primaryColorHover: '#ff9900',
    primaryColorPressed: '#eb5f07',
    primaryColorSuppl: '#ff9900',
    infoColor: '#0972d3',
    infoColorHover: '#033160',
    successColor: '#037f0c',
    errorColor: '#d91515',
    warningColor: '#8d6605',
    textColorBase: '#16191f',
    textColor1: '#16191f',
    textColor2: '#16191f',
    textColor3: '#5f6b7a',
    borderColor: '#e9ebed',
    borderRadius: '8px',
    fontFamily: "'Amazon Ember', 'Helvetica Neue', Roboto, Arial, sans-serif",
    fontSize: '14px',
  },
  Button: {
    borderRadiusMedium: '20px',
    borderRadiusSmall: '16px',
    fontWeight: '700',
    textColor: '#0972d3',
    border: '2px solid #0972d3',
    borderHover: '2px solid #033160',
    textColorHover: '#033160',
    borderFocus: '2px solid #0972d3',
    textColorFocus: '#0972d3',
    textColorPrimary: '#0f1b2a',
    textColorHoverPrimary: '#0f1b2a',
    textColorPressedPrimary: '#0f1b2a',
    textColorFocusPrimary: '#0f1b2a',
  },
  DataTable: {
    thColor: '#fafafa',
    thFontWeight: '700',
    tdColorHover: '#f2f8fd',
  },
  Tabs: {
    tabTextColorActiveLine: '#0972d3',
    barColor: '#0972d3',
    tabTextColorHoverLine: '#0972d3',
  },
};
