function tf = isundefined(c)
%ISUNDEFINED  True where an element belongs to no category.
tf = c.codes == 0;
end
