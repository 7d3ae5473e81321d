function tf = ne(a, b)
%NE  a ~= b: not a == b (so undefined elements differ from everything).
tf = ~eq(a, b);
end
