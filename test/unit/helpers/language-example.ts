/** The example cell at the top of LANGUAGE.md, verbatim (comments included). */
export const LANGUAGE_EXAMPLE_CELL = `# a comment runs to the end of the line
x = linspace(-3, 3, 7)          # assignment: the name lives on in later cells of the same notebook
relu(x)                          # the value of the LAST statement of a cell is displayed
f(x) = x * sigmoid(1.702 * x)    # a user-defined function of one variable
g(x, a=0.1) = max(a * x, x)      # ...with named parameters and defaults
f'(x)                            # ' is the derivative: f' , relu' , leaky_relu(alpha=0.2)' , f''
plot(relu, f, leaky_relu(alpha=0.2), from=-4, to=4)
`;
